/**
 * Entry of the dashboard page (index.html). Runs in the sandboxed renderer.
 */
import '../styles/base.css';
import '../styles/dashboard.css';
import { bootPage } from '../app/boot.js';
import { Dashboard } from './Dashboard.js';

void bootPage(() => <Dashboard />);
