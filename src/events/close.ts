/**
 * `codat-close`: the person pressed Close in `<codat-connections>` (the Codat Connections SDK's `onClose`).
 * The host decides what closing means, for example hiding the panel.
 */
export class CodatCloseEvent extends Event {
  static readonly eventName = 'codat-close';

  constructor() {
    super(CodatCloseEvent.eventName, { bubbles: true, composed: true });
  }
}
