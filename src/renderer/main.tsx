// Renderer entry. The screens arrive with the inbox UI issue; until then the bundle only mounts React.
import { createRoot } from 'react-dom/client';

const root = document.getElementById('root');
if (root) createRoot(root).render(null);
