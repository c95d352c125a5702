/** An exported run is one JSON file; 20 MB holds the largest report the probe's bounds allow. */
export const MAX_IMPORT_BYTES = 20 * 1024 * 1024;
