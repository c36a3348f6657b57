import { z } from '../core/zod.js';

// The steps catalogue's shape, which `spec steps --json`, the library's listSteps() and the MCP
// `steps` tool all return. It lives in bind/ beside the pure builder (bind/catalogue.ts), below
// report/ and api/, so every layer above can validate against the one schema.

export const STEPS_CATALOGUE_VERSION = 1;

const Place = {
  file: z.string().describe('project-relative path of the step definition file'),
  line: z.number().int().positive(),
};

const Use = z.strictObject({
  spec: z.string().describe('project-relative path of the spec (the Markdown or .feature source)'),
  line: z.number().int().positive().describe("the step's line in the spec"),
  scenario: z.string(),
  scenarioLine: z.number().int().positive().describe("the scenario's line (an outline example: its row)"),
});

const DefinitionRef = z.strictObject({ pattern: z.string(), ...Place });

export const StepsCatalogueSchema = z
  .strictObject({
    schemaVersion: z.literal(STEPS_CATALOGUE_VERSION),
    summary: z.strictObject({
      definitions: z.number().int().min(0),
      unused: z.number().int().min(0),
      undefined: z.number().int().min(0).describe('distinct undefined steps (spec, line, text)'),
      ambiguous: z.number().int().min(0),
      scenarios: z.number().int().min(0).describe('scenarios bound (cucumber dry run: no step executed)'),
    }),
    definitions: z.array(
      z.strictObject({
        pattern: z.string(),
        patternType: z.enum(['cucumber', 'regexp']),
        ...Place,
        uses: z.array(Use).describe('every step that binds to it, once per spec line and scenario'),
      }),
    ),
    unused: z.array(DefinitionRef).describe('definitions no step of the suite binds to'),
    undefined: z.array(
      z.strictObject({
        text: z.string(),
        keyword: z.string().describe('Given, When or Then: the function a definition for it is written with'),
        spec: z.string(),
        line: z.number().int().positive(),
        scenario: z.string(),
        scenarioLine: z.number().int().positive(),
        argument: z.enum(['dataTable', 'docString']).optional(),
        snippet: z.string().describe("a ready-to-paste TypeScript definition, in the profile's snippetInterface"),
      }),
    ),
    ambiguous: z.array(
      z.strictObject({
        text: z.string(),
        spec: z.string(),
        line: z.number().int().positive(),
        scenario: z.string(),
        scenarioLine: z.number().int().positive(),
        matches: z.array(DefinitionRef),
      }),
    ),
  })
  .describe('specloop steps catalogue: every step definition with its uses, the unused ones, undefined and ambiguous steps');

export type StepsCatalogue = z.infer<typeof StepsCatalogueSchema>;
export type CatalogueDefinition = StepsCatalogue['definitions'][number];
export type UndefinedStep = StepsCatalogue['undefined'][number];
