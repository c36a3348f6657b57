/** Public face of impact/: the static import graph and its disk cache. */
export * from './graph.js';
export { CACHE_VERSION, DEFAULT_CACHE_FILE, loadGraph, readCache, saveGraph, type CacheRead } from './cache.js';
export { parseImports, allBindingsTypeOnly, type ParseResult } from './parse.js';
export { Resolver, type Resolution } from './resolve.js';
export { loadResolverConfig, type ResolverConfig } from './config.js';
