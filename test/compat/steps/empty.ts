// The sample's only scenario has no steps, so it needs no step definitions.
export {};
