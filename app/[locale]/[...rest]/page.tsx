import { notFound } from 'next/navigation';

// Any path under a locale that no route claims: render the localised 404 inside the layout.
export default function CatchAll(): never {
  notFound();
}
