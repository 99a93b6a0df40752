import { getPathname } from '@/lib/i18n/navigation';
import type { AppLocale } from '@/lib/i18n/routing';
import { MAX_QUERY } from '@/lib/store/input';

interface Props {
  locale: AppLocale;
  id: string;
  className: string;
  label: string;
  placeholder: string;
  submit: string;
  defaultValue?: string;
  /** Show the label (on the search page) or keep it for screen readers only (in the header). */
  visibleLabel?: boolean;
}

/** A plain GET form: works without JavaScript and puts the query in the URL. */
export function SearchForm({
  locale,
  id,
  className,
  label,
  placeholder,
  submit,
  defaultValue,
  visibleLabel = false,
}: Props) {
  return (
    <form role="search" action={getPathname({ locale, href: '/search' })} method="get" className={className}>
      <label htmlFor={id} className={visibleLabel ? 'search-label' : 'sr-only'}>
        {label}
      </label>
      <div className="search-row">
        <input
          id={id}
          type="search"
          name="q"
          required
          maxLength={MAX_QUERY}
          placeholder={placeholder}
          defaultValue={defaultValue}
          autoComplete="off"
          enterKeyHint="search"
        />
        <button type="submit">{submit}</button>
      </div>
    </form>
  );
}
