import type { BuildOptions } from 'esbuild'

export declare const PARSE_WORKER_ENTRY: string
export declare const NODE_BUNDLE: BuildOptions
export declare function buildParseWorker(outfile: string): Promise<void>
