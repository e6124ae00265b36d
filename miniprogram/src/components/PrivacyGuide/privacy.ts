/**
 * Privacy consent (WeChat's rules since 2023-09; app.config.ts has `__usePrivacyCheck__: true`).
 *
 * - weapp: WeChat keeps the consent. At launch `getPrivacySetting` says whether it is still
 *   needed (only when a private API is declared in the admin console: we declare the phone
 *   number, see PRIVACY.md); when a private API or component (the getPhoneNumber button) is used
 *   without consent, `onNeedPrivacyAuthorization` holds it until the person decides. Either way
 *   the PrivacyGuide popup shows; its agree button has open-type="agreePrivacyAuthorization".
 * - H5: a plain notice; acceptance is kept in storage, per policy version.
 * The popup is rendered by every page (components/Page) and driven by this one store.
 */
import Taro from '@tarojs/taro';

export const DEFAULT_CONTRACT_NAME = '今日工作隐私保护指引';
const H5_ACCEPTED_KEY = 'jinri.privacyAccepted';
/** Bump when the H5 notice changes materially: everyone is asked again. */
const H5_POLICY_VERSION = '2';

type ResolveOption = Taro.onNeedPrivacyAuthorization.ResolveOption;

export interface PrivacyState {
  visible: boolean;
  contractName: string;
}

let state: PrivacyState = { visible: false, contractName: DEFAULT_CONTRACT_NAME };
const listeners = new Set<() => void>();
/** weapp: private API calls waiting for the person's answer. */
let pending: Array<(option: ResolveOption) => void> = [];
let initialized = false;

function update(patch: Partial<PrivacyState>): void {
  state = { ...state, ...patch };
  for (const listener of [...listeners]) listener();
}

export function getPrivacyState(): PrivacyState {
  return state;
}

export function subscribePrivacy(listener: () => void): () => void {
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
  };
}

function settle(option: ResolveOption): void {
  const waiting = pending;
  pending = [];
  for (const resolve of waiting) {
    try {
      resolve(option);
    } catch {
      // An outdated resolve (the API call gave up already): nothing to do.
    }
  }
}

/** Call once at app launch, before any private API can be used. */
export function initPrivacy(): void {
  if (initialized) return;
  initialized = true;

  if (process.env.TARO_ENV === 'weapp') {
    // Older base libraries lack these APIs: then there is nothing to ask.
    if (typeof Taro.onNeedPrivacyAuthorization === 'function') {
      Taro.onNeedPrivacyAuthorization((resolve) => {
        pending.push(resolve);
        update({ visible: true });
        // Tell WeChat the popup is on screen.
        resolve({ event: 'exposureAuthorization' });
      });
    }
    if (typeof Taro.getPrivacySetting === 'function') {
      Taro.getPrivacySetting({
        success: (res) => {
          update({
            contractName: res.privacyContractName || DEFAULT_CONTRACT_NAME,
            ...(res.needAuthorization ? { visible: true } : {}),
          });
        },
      });
    }
    return;
  }

  let accepted: unknown;
  try {
    accepted = Taro.getStorageSync(H5_ACCEPTED_KEY);
  } catch {
    accepted = undefined;
  }
  if (accepted !== H5_POLICY_VERSION) update({ visible: true });
}

/**
 * 同意. weapp: call from the agree button's onAgreePrivacyAuthorization with that button's id
 * (WeChat checks that this very button was tapped).
 */
export function agreePrivacy(buttonId: string): void {
  if (process.env.TARO_ENV === 'weapp') {
    settle({ event: 'agree', buttonId });
  } else {
    try {
      Taro.setStorageSync(H5_ACCEPTED_KEY, H5_POLICY_VERSION);
    } catch {
      // Storage unavailable: asked again next time, nothing worse.
    }
  }
  update({ visible: false });
}

/** 暂不同意: the waiting private API fails; the popup comes back when one is used again. */
export function disagreePrivacy(): void {
  if (process.env.TARO_ENV === 'weapp') settle({ event: 'disagree' });
  update({ visible: false });
}

/** weapp: WeChat's page with the guide filled in the admin console. Resolves false if it failed. */
export function openPrivacyContract(): Promise<boolean> {
  return new Promise((resolve) => {
    if (process.env.TARO_ENV !== 'weapp' || typeof Taro.openPrivacyContract !== 'function') {
      resolve(false);
      return;
    }
    Taro.openPrivacyContract({ success: () => resolve(true), fail: () => resolve(false) });
  });
}
