// Loaded first (index.html): sends the page's GraphQL read while the browser still loads and runs the app's other
// modules; the page's own query() then takes the answer in flight (api.js). Without it the request waited for them.
import { prefetch } from './api.js';
import { firstRead } from './routes.js';

const read = firstRead(location.hash);
if (read) prefetch(...read);
