/**
 * Lets a control inside a FormField say the field's message itself (the date field says why a
 * typed date is not one: 不是有效的日期：2026年13月1日), so the form item does not show the schema's
 * more general message under it as well. Outside a FormField nobody listens.
 */
import { createContext, useContext, useEffect } from 'react';

export const FieldHelpContext = createContext<((ownMessage: boolean) => void) | null>(null);

/** Tells the enclosing FormField whether this control is showing its own message now. */
export function useOwnFieldMessage(showing: boolean): void {
  const claim = useContext(FieldHelpContext);
  useEffect(() => {
    claim?.(showing);
    return () => claim?.(false);
  }, [claim, showing]);
}
