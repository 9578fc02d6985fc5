export declare const PARSE_WORKER_ENTRY: string
export declare function buildParseWorker(outfile: string): Promise<void>
