import { GeneralErrorBoundary } from "~/components/error-boundary";
import { notFound } from "~/utils/responses.server";

/** Every unknown address ends here and is answered with the app's own 404 page. */
export function loader() {
  throw notFound();
}

export default function NotFound() {
  return <GeneralErrorBoundary />;
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
