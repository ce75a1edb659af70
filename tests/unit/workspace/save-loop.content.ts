/** The article text a crash-test save writes: big enough that a write takes a while. */
export function version(file: number, n: number): string {
  return `---\ntitle: file ${file}\nversion: ${n}\n---\n${`第 ${n} 版，第 ${file} 个文件。Line of version ${n}.\n`.repeat(4000)}end of version ${n}\n`
}
