// Who a conversation's customer is, for the customer panel: the contact, the organizations they
// belong to, and their other conversations with the chatbot. Each part comes from the port of
// its capability, where the platform has it and the key may use it (else it is null: not
// offered); a part that failed is named in `unavailable`, so the panel says so rather than
// showing less without a word.
import { can, capabilityOf, type Ability } from '../../../shared/capabilities';
import type { ChatbotRef, ConversationRef } from '../../../shared/keys';
import type { CustomerProfile, InboxConversation } from '../../../shared/view-models';
import type { LocalCache } from '../cache/local-cache';
import { AppError } from '../errors/app-error';
import type { Session } from '../session/session';

type Part = CustomerProfile['unavailable'][number];

export class CustomerService {
  constructor(
    private readonly session: Session,
    private readonly cache: LocalCache,
  ) {}

  async profile(ref: ConversationRef): Promise<CustomerProfile> {
    const conversation = this.cache.conversation(ref);
    if (!conversation) throw new AppError('NotFound', 'The conversation is not in the inbox.');
    const unavailable: Part[] = [];
    const part = <T>(name: Part, ability: Ability, read: () => Promise<T>): Promise<T | null> =>
      this.allowed(ref, ability) ? read().catch(() => (unavailable.push(name), null)) : Promise.resolve(null);
    const runtime = this.session.runtime(ref.accountId);
    const [contact, conversations] = await Promise.all([
      part('contact', 'contacts.get', () => runtime.port('contacts').contact(ref.chatbotId, conversation.contactId)),
      part('conversations', 'contacts.conversations', () => this.conversations(ref, conversation.contactId)),
    ]);
    const organizations =
      contact === null
        ? null
        : await part('organizations', 'organizations.get', () =>
            Promise.all(contact.organizationIds.map((id) => runtime.port('organizations').get(ref.chatbotId, id))),
          );
    return { contact, organizations, conversations, unavailable };
  }

  /** Every conversation of a contact with the chatbot, newest first, as the inbox holds them (so each opens). */
  async conversations(ref: ChatbotRef, contactId: string): Promise<InboxConversation[]> {
    if (!this.allowed(ref, 'contacts.conversations')) throw new AppError('Unsupported', 'This account cannot list a contact’s conversations.');
    const runtime = this.session.runtime(ref.accountId);
    const found = await runtime.port('contacts').conversations(ref.chatbotId, contactId);
    const sync = runtime.sync(ref.chatbotId);
    // Through the sync path: a conversation the inbox did not hold (an old one) now opens like any other.
    return found.flatMap((c) => sync.apply(c) ?? this.cache.conversation({ ...ref, conversationId: c.id }) ?? []);
  }

  /** The platform has the capability and the key the ability, on this chatbot. */
  private allowed(ref: ChatbotRef, ability: Ability): boolean {
    const runtime = this.session.runtime(ref.accountId);
    return runtime.capabilities.includes(capabilityOf[ability]) && can(runtime.account.chatbots.find((c) => c.id === ref.chatbotId), ability);
  }
}
