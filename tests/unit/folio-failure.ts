import { FolioError } from '../../shared/errors'

/** The FolioError a run fails with; any other failure, or none, fails the test. */
export async function folioFailure(run: () => unknown): Promise<FolioError> {
  try {
    await run()
  } catch (error) {
    if (error instanceof FolioError) return error
    throw error
  }
  throw new Error('expected a failure')
}
