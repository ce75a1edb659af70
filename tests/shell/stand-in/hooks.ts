/**
 * The module hook: `electron` resolves to the stand-in, wherever it is imported from (the app's
 * bundle, unpacked from app.asar or not). Everything else resolves as Node always does.
 */
interface ResolveContext {
  parentURL?: string
}
type NextResolve = (specifier: string, context: ResolveContext) => Promise<{ url: string }>

let standIn = ''

export function initialize(data: { standIn: string }): void {
  standIn = data.standIn
}

export async function resolve(specifier: string, context: ResolveContext, next: NextResolve): Promise<{ url: string; shortCircuit?: boolean }> {
  if (specifier === 'electron') return { url: standIn, shortCircuit: true }
  return next(specifier, context)
}
