/**
 * Entry of the call popup page (popup.html?callRef=...&region=FR). Runs in the sandboxed
 * renderer; main opens one such window per ringing call.
 */
import '../styles/base.css';
import '../styles/popup.css';
import { bootPage } from '../app/boot.js';
import { phoneRegionOrDefault } from '../caller/phone-number.js';
import { CallPopup } from './CallPopup.js';

const query = new URLSearchParams(window.location.search);
const callRef = query.get('callRef') ?? '';

void bootPage(({ settings }) => (
  <CallPopup
    callRef={callRef}
    region={phoneRegionOrDefault(query.get('region'))}
    crmConfigured={(settings?.settings.alerts.crmUrlTemplate ?? '').trim() !== ''}
  />
));
