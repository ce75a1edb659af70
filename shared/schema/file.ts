/** Where a folder keeps its schema file. Apart from the reader (pins.ts), so naming it loads no YAML parser. */
export const SCHEMA_FILE = '.folio/schema.yml'
