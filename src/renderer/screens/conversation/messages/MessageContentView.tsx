// Every Botpress message kind, each rendered as text and checked links — never as HTML. A kind
// the app does not know yet (a newer server) cannot reach here: zod refuses it at the boundary.
import type { MessageContent } from '../../../../shared/domain';
import { CardContent, CarouselContent } from './CardContent';
import { FileContent } from './FileContent';
import { ImageContent } from './ImageContent';
import { LocationContent } from './LocationContent';
import { AudioContent, VideoContent } from './MediaContent';
import { OptionsContent } from './OptionsContent';
import { TextContent } from './TextContent';
import './messages.css';
import './kinds.css';
import './attachment-kinds.css';

export function MessageContentView({ message, sender, picked }: { message: MessageContent & { createdAt: string }; sender: string; picked?: string | undefined }) {
  switch (message.type) {
    case 'text':
      return <TextContent text={message.payload.text} />;
    case 'image':
      return <ImageContent url={message.payload.imageUrl} sender={sender} createdAt={message.createdAt} />;
    case 'choice':
    case 'dropdown':
      return <OptionsContent kind={message.type} text={message.payload.text} options={message.payload.options} picked={picked} />;
    case 'card':
      return <CardContent card={message.payload} />;
    case 'carousel':
      return <CarouselContent items={message.payload.items} />;
    case 'file':
      return <FileContent url={message.payload.fileUrl} title={message.payload.title} />;
    case 'audio':
      return <AudioContent url={message.payload.audioUrl} />;
    case 'video':
      return <VideoContent url={message.payload.videoUrl} />;
    case 'location':
      return <LocationContent location={message.payload} />;
  }
}
