import type { ComponentChildren } from "preact";
import { createContext } from "preact";
import { useCallback, useContext, useEffect, useState } from "preact/hooks";
import type { Principal } from "../../src/registry/lifecycle/types.js";
import { api, send } from "./api.js";

/**
 * Who is signed in, for the pages: asked of GET /api/auth/me once, and again after signing in
 * or out. The session itself is an HttpOnly cookie the pages never see.
 */

/** Who GET /api/auth/me says is signed in: the registry's Principal without its ids (src/server/lifecycle-schemas.ts). */
export type User = Pick<Principal, "email" | "role" | "via"> & { entities: string[] };

export interface Auth {
  /** undefined while asking. */
  user: User | null | undefined;
  /** Reading needs signing in. */
  private: boolean;
  refresh(): Promise<void>;
  signOut(): Promise<void>;
}

const AuthContext = createContext<Auth>({ user: undefined, private: false, refresh: async () => undefined, signOut: async () => undefined });

export function AuthProvider({ children }: { children: ComponentChildren }) {
  const [state, setState] = useState<{ user: User | null | undefined; private: boolean }>({ user: undefined, private: false });
  const refresh = useCallback(async () => {
    try {
      const me = await api<{ user: User | null; private: boolean }>("/auth/me");
      setState({ user: me.user, private: me.private });
    } catch {
      setState({ user: null, private: false });
    }
  }, []);
  const signOut = useCallback(async () => {
    await send("POST", "/auth/sign-out");
    await refresh();
  }, [refresh]);
  useEffect(() => {
    void refresh();
  }, [refresh]);
  return <AuthContext.Provider value={{ ...state, refresh, signOut }}>{children}</AuthContext.Provider>;
}

export function useAuth(): Auth {
  return useContext(AuthContext);
}
