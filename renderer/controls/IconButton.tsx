import type { ButtonHTMLAttributes } from 'react'

interface Props extends Omit<ButtonHTMLAttributes<HTMLButtonElement>, 'aria-label' | 'title' | 'type'> {
  /** What the button does: its accessible name and its tooltip, one text for both. */
  label: string
}

/** A button that shows only a symbol (✎, ✕, ⚙): its label is what a screen reader says and what the mouse's tooltip shows. */
export function IconButton({ label, children, ...rest }: Props) {
  return (
    <button type="button" aria-label={label} title={label} {...rest}>
      {children}
    </button>
  )
}
