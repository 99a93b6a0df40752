/** "Export: TMX · TSV": links to `/api/export`, which answers with a file to save. */
export function DownloadLinks({ label, links }: { label: string; links: Array<{ href: string; text: string }> }) {
  return (
    <p className="downloads">
      {label}:{' '}
      {links.map((link, i) => (
        <span key={link.href}>
          {i > 0 ? ' · ' : null}
          <a href={link.href} download>
            {link.text}
          </a>
        </span>
      ))}
    </p>
  );
}
