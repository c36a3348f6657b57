// There are intentionally no steps defined for this sample.
export {};
