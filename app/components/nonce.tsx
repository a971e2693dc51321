import { createContext, useContext } from "react";

/** This response's Content-Security-Policy nonce, for the scripts Remix writes into the page. */
const NonceContext = createContext("");

export const NonceProvider = NonceContext.Provider;

export function useNonce(): string {
  return useContext(NonceContext);
}
