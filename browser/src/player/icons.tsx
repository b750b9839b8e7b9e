// Small inline icons (fonts on some systems lack the media symbols); the buttons carry the labels.
const svg = (path: React.ReactNode): React.JSX.Element => (
  <svg viewBox='0 0 24 24' width='18' height='18' aria-hidden='true' focusable='false' fill='currentColor'>{path}</svg>
)

export const PlayIcon = (): React.JSX.Element => svg(<path d='M7 4.5v15l12.5-7.5z' />)
export const PauseIcon = (): React.JSX.Element => svg(<path d='M6 4.5h4.5v15H6zm7.5 0H18v15h-4.5z' />)
export const VolumeIcon = (): React.JSX.Element => svg(<path d='M4 9h4l5-4.5v15L8 15H4zm12.5 3a4.5 4.5 0 0 0-2.5-4v8a4.5 4.5 0 0 0 2.5-4zM14 3.3v2.1a7 7 0 0 1 0 13.2v2.1a9 9 0 0 0 0-17.4z' />)
export const MutedIcon = (): React.JSX.Element => svg(<path d='M4 9h4l5-4.5v15L8 15H4zm12.3-.7 1.4-1.4L20 9.2l2.3-2.3 1.4 1.4-2.3 2.3 2.3 2.3-1.4 1.4L20 12l-2.3 2.3-1.4-1.4 2.3-2.3z' />)
export const FullscreenIcon = (): React.JSX.Element => svg(<path d='M4 4h6v2H6v4H4zm10 0h6v6h-2V6h-4zM4 14h2v4h4v2H4zm14 0h2v6h-6v-2h4z' />)
export const ExitFullscreenIcon = (): React.JSX.Element => svg(<path d='M8 4h2v6H4V8h4zm6 0h2v4h4v2h-6zM4 14h6v6H8v-4H4zm10 0h6v2h-4v4h-2z' />)
