import { App } from '@/app';
import { UserRoute } from '@routes/users.route';

const app = new App([new UserRoute()]);

if (typeof module !== 'undefined' && require.main === module) app.listen();
export const expressApp = app.app;
