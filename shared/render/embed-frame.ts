/** The name of the frame the preview plays a clicked embed in (renderer/preview/embeds.ts); the main process lets frames of that name load web pages. */
export const EMBED_FRAME_NAME = 'folio-embed'
