import { useCallback, useMemo } from 'react'
import type { FolderInfo, Settings } from '../../shared/contract'
import { folio } from '../bridge'
import { resolveLocal, type PreviewOptions } from '../preview/render'
import { allowRemote, remoteAllowed } from '../settings/remote-content'

export interface ArticleAssets {
  /** Remote images, media and CSS may load for the open folder. */
  remoteContent: boolean
  /** Allows or blocks remote content for the open folder, remembered in settings. */
  setRemoteContent(allowed: boolean): void
  /** Where the form's image fields show a value from: a local file through the asset protocol, a remote one only when allowed. */
  imageUrl(value: string): string | null
  /** The open article's images, for the form's image fields to choose from. */
  listImages(): Promise<string[]>
  /** How the preview resolves the open article's images and which site it renders as. */
  previewOptions: PreviewOptions
}

interface Options {
  folder: FolderInfo | null
  path: string | null
  settings: Settings
  updateSettings(patch: Partial<Settings>): void
  dark: boolean
}

/** Where the open article's images come from, as the form and the preview show them. */
export function useArticleAssets({ folder, path, settings, updateSettings, dark }: Options): ArticleAssets {
  const remoteContent = remoteAllowed(settings, folder?.root)
  const imageUrl = useCallback(
    (value: string) =>
      /^https?:\/\//i.test(value)
        ? remoteContent
          ? value
          : null
        : resolveLocal(value, { assetBase: folder?.assetBase, articlePath: path ?? undefined, assetRules: folder?.assets }),
    [folder, path, remoteContent],
  )
  const listImages = useCallback(() => (path ? folio.articleImages(path) : Promise.resolve([])), [path])
  const previewOptions = useMemo(
    () => ({ assetBase: folder?.assetBase, articlePath: path ?? undefined, assetRules: folder?.assets, generator: folder?.kind, dark, remoteContent }),
    [folder, path, dark, remoteContent],
  )
  const setRemoteContent = useCallback(
    (allowed: boolean) => {
      if (folder) updateSettings(allowRemote(settings, folder.root, allowed))
    },
    [folder, settings, updateSettings],
  )
  return { remoteContent, setRemoteContent, imageUrl, listImages, previewOptions }
}
