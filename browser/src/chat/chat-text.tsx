// Emote codes such as :wave: or :PogChamp:. The core has no channel emote sets
// yet, so codes are shown as text, marked so that they stand out.
const EMOTE = /(:[A-Za-z0-9_+-]{2,32}:)/

/** A chat line's text: plain text (React escapes it), emote codes marked. */
export function ChatText ({ text }: { text: string }): React.JSX.Element {
  const parts = text.split(EMOTE)
  return (
    <span className='chat-text'>
      {parts.map((part, i) => i % 2 === 1
        ? <span key={i} className='emote' title={`emote ${part}`}>{part}</span>
        : part)}
    </span>
  )
}
