// @vitest-environment happy-dom
// The welcome page asks for exactly the manifest's origins on a click, and
// says what happened: granted, declined, or already granted on arrival.
import { render } from 'preact';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { settle } from '../testing/fake-api.ts';
import { getMessage, useEnglishMessages } from '../testing/messages.ts';
import { Welcome, type PermissionsLike } from './welcome.tsx';

const ORIGINS = ['http://*/*', 'https://*/*'];
let root: HTMLElement;
beforeAll(() => useEnglishMessages());
beforeEach(() => {
  root = document.createElement('div');
  document.body.append(root);
});
afterEach(() => {
  render(null, root);
  root.remove();
});

function fakePermissions(initially: boolean, answer: boolean) {
  let granted = initially;
  const requests: string[][] = [];
  let added: ((p: { origins?: string[] }) => void) | undefined;
  const permissions: PermissionsLike = {
    contains: async () => granted,
    request: async ({ origins }) => {
      requests.push(origins);
      if (answer) granted = true;
      return answer;
    },
    onAdded: { addListener: (fn) => void (added = fn), removeListener: () => (added = undefined) },
  };
  return {
    permissions,
    requests,
    grantElsewhere: () => {
      granted = true;
      added?.({ origins: ORIGINS });
    },
  };
}

const button = () => root.querySelector('button') as HTMLButtonElement | null;

describe('welcome page', () => {
  it('explains why and that nothing leaves the browser', async () => {
    render(<Welcome permissions={fakePermissions(false, true).permissions} origins={ORIGINS} />, root);
    await settle();
    expect(root.textContent).toContain(getMessage('welcomeWhy'));
    expect(root.textContent).toContain(getMessage('welcomePrivacy'));
    expect(button()?.textContent).toBe(getMessage('welcomeAllow'));
    expect(button()?.disabled).toBe(false);
  });

  it('requests the manifest origins on click and confirms', async () => {
    const f = fakePermissions(false, true);
    render(<Welcome permissions={f.permissions} origins={ORIGINS} />, root);
    await settle();
    button()!.click();
    await settle();
    expect(f.requests).toEqual([ORIGINS]);
    expect(root.querySelector('[role=status]')?.textContent).toBe(getMessage('welcomeGranted'));
    expect(button()).toBeNull();
  });

  it('says what declining means and lets the reader try again', async () => {
    const f = fakePermissions(false, false);
    render(<Welcome permissions={f.permissions} origins={ORIGINS} />, root);
    await settle();
    button()!.click();
    await settle();
    expect(root.querySelector('[role=status]')?.textContent).toBe(getMessage('welcomeDeclined'));
    button()!.click();
    await settle();
    expect(f.requests.length).toBe(2);
  });

  it('shows access granted elsewhere (Add-ons Manager) without a reload', async () => {
    const f = fakePermissions(false, false);
    render(<Welcome permissions={f.permissions} origins={ORIGINS} />, root);
    await settle();
    expect(button()).not.toBeNull();
    f.grantElsewhere();
    await settle();
    expect(button()).toBeNull();
    expect(root.textContent).toContain(getMessage('welcomeGranted'));
  });

  it('shows a failing permissions API as an error', async () => {
    const permissions: PermissionsLike = {
      contains: async () => false,
      request: async () => {
        throw new Error('request may only be called from a user input handler');
      },
    };
    render(<Welcome permissions={permissions} origins={ORIGINS} />, root);
    await settle();
    button()!.click();
    await settle();
    expect(root.querySelector('[role=alert]')?.textContent).toContain('user input handler');
  });
});
