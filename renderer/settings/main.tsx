/**
 * Entry of the settings page (settings.html). Runs in the sandboxed renderer.
 */
import '../styles/base.css';
import '../styles/settings.css';
import { bootPage } from '../app/boot.js';
import { SettingsPage } from './SettingsPage.js';

void bootPage(() => <SettingsPage />);
