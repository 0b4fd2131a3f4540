// The demo workspace's content, made once on an empty database: conversations first (they
// create their contacts; some of them wrote in before), then organizations (which take some of those contacts as members),
// then chatbot versions and who of the team is online.
import type { ServerContext } from '../context';
import type { Workspace } from '../store/workspace';
import { seedConversations } from './conversations';
import { seedOrganizations } from './organizations';
import { seedPresence } from './presence';
import { seedReturning } from './returning';
import { seedVersions } from './versions';

export function seedDemo(ctx: ServerContext, workspace: Workspace): void {
  if (ctx.db.get('SELECT 1 FROM conversations LIMIT 1')) return;
  ctx.db.tx(() => {
    for (const chatbot of workspace.chatbots) {
      seedConversations(ctx, workspace, chatbot.id);
      seedReturning(ctx, workspace, chatbot.id);
      seedOrganizations(ctx, chatbot.id);
      seedVersions(ctx, chatbot.id);
      seedPresence(ctx, workspace, chatbot.id);
    }
  });
}
