/** specloop's programmatic API: every function returns data and never prints. */
export { verify, type VerifyOptions } from './api/verify.js';
export { mergeVerdicts, type MergeOptions } from './api/merge.js';
export { mergeMessages, type MergeMessagesOptions } from './api/merge-messages.js';
export { inspectConfig, type ResolvedRunConfig } from './api/config.js';
export { RunConfigSchema } from './config/run-config-schema.js';
export type { Source } from './config/sources.js';
export { compile, type CompileOptions, type CompileReport } from './api/compile.js';
export { init, type InitOptions, type InitReport } from './api/init.js';
export { ack, review, type AckOptions, type AckRecord, type ReviewOptions } from './api/ack.js';
export { ReviewSchema, type Review } from './debt/review.js';
export { specloopVersion } from './api/version.js';
export { VerdictSchema, SCHEMA_VERSION, type Verdict, type Failure, type ScenarioResult, type GateResult } from './report/verdict.js';
export { verdictJsonSchema, debtReportJsonSchema, stepsCatalogueJsonSchema } from './report/json-schema.js';
export { debtReport, type DebtReportOptions } from './api/debt-report.js';
export { DebtReportSchema, type DebtReport, type DebtSummary } from './debt/model.js';
export { listSteps, type ListStepsOptions } from './api/steps.js';
export { generateStubs, type GenerateReport, type WrittenFile } from './api/steps-generate.js';
export { StepsCatalogueSchema, type StepsCatalogue } from './bind/catalogue-schema.js';
export type { UserConfig } from './config/schema.js';
export type { SpecProblem, ErrorCode, SourceLocation } from './core/errors.js';

/** Typed config helper for spec.config.ts. */
export function defineConfig(config: import('./config/schema.js').UserConfig): import('./config/schema.js').UserConfig {
  return config;
}
