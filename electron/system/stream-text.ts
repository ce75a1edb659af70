/**
 * Turns a child process's output chunks into text. One decoder per stream: a character whose
 * bytes arrive in two chunks (Chinese output often does) is held until its last byte comes,
 * instead of turning into two replacement characters.
 */
import { StringDecoder } from 'node:string_decoder'

export function streamText(onText: (text: string) => void): (chunk: Buffer) => void {
  const decoder = new StringDecoder('utf8')
  return (chunk) => {
    const text = decoder.write(chunk)
    if (text !== '') onText(text)
  }
}
