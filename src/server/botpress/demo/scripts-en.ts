// The demo bot's English conversations (Funkhaus Electronics, the UK shop).
import { A, B, C, audio, card, carousel, choice, dropdown, file, image, location, video } from '../../demo/content';
import { HANDOVER, type BotScript } from './script';

export const scriptsEn: BotScript[] = [
  {
    lang: 'en',
    outcome: 'bot',
    turns: (v) => [
      C(`Hi, where's my order #${v.order}?`),
      B(
        card({
          title: `Order #${v.order}`,
          subtitle: 'On its way with DHL · expected tomorrow',
          image: 'headphones.svg',
          actions: [['url', 'Track parcel', `https://funkhaus.example.com/orders/${v.order}`]],
        }),
      ),
      B(video('parcel.webm')),
      C('Great, thanks!'),
      B("You're welcome! You'll get the tracking number by e-mail as well."),
    ],
  },
  {
    lang: 'en',
    outcome: 'agent',
    channels: ['whatsapp', 'telegram'],
    turns: (v) => [
      C("My new mesh router won't connect, the light keeps blinking orange."),
      C(image('router.svg')),
      B(choice('Orange means no internet signal. Have you tried restarting it?', 'Yes, still orange', 'How do I restart it?')),
      C('Yes, still orange'),
      C(audio('voice-note-2.wav')),
      C('Can I talk to a person please?'),
      HANDOVER,
      A(`Hi ${v.first}, this is ${v.agent} from Funkhaus. Thanks for the voice note – is the cable plugged into the port marked WAN?`),
      C('Oh. It was in LAN 1 🙈 Works now!'),
      A('Happens all the time! Enjoy the fast Wi-Fi.'),
    ],
  },
  {
    lang: 'en',
    outcome: 'handoff',
    turns: () => [
      C('Do you price match? The Studio ANC is £199 at another shop.'),
      B(
        carousel(
          { title: 'Studio ANC Headphones', subtitle: '£219 · 30 h battery, noise cancelling', image: 'headphones.svg', actions: [['url', 'View', 'https://funkhaus.example.com/p/studio-anc']] },
          { title: 'Studio ANC Headphones, refurbished', subtitle: '£189 · 12-month warranty', image: 'headphones.svg', actions: [['url', 'View', 'https://funkhaus.example.com/p/studio-anc-refurb']] },
        ),
      ),
      C("I'd rather have a new one. Can someone check the price match for me?"),
      HANDOVER,
    ],
  },
  {
    lang: 'en',
    outcome: 'bot',
    turns: () => [
      C("What are your opening hours in London?"),
      B(location(51.5136, -0.1365, 'Funkhaus Electronics London', '112 Oxford Street, London W1D 1LT · Mon–Sat 10am–8pm')),
      C('And on Sundays?'),
      B('Sundays 12pm–6pm. Click & collect orders are ready two hours after you order.'),
    ],
  },
  {
    lang: 'en',
    outcome: 'agent',
    channels: ['email', 'webchat'],
    turns: (v) => [
      C(`My headphones from order #${v.order} stopped charging after three months. Warranty?`),
      B(dropdown('Sorry to hear that! Which product is it?', 'Studio ANC Headphones', 'Office Headset Duo', 'Something else')),
      C('Studio ANC Headphones'),
      C(file('funkhaus-invoice-7731.pdf', 'receipt.pdf')),
      B('Thanks! Warranty claims are handled by our service team.'),
      HANDOVER,
      A(`Hi ${v.first}, ${v.agent} here. You're fully covered. Here's a free repair order – pop it in the box with the headphones:`),
      A(file('funkhaus-repair-order.pdf', 'Repair order R-3318.pdf')),
      C('Thank you, that was easy!'),
    ],
  },
  {
    lang: 'en',
    outcome: 'agent',
    turns: (v) => [
      C(`I need to cancel order #${v.order}, I ordered the wrong colour.`),
      B(choice('I can help with that. What would you like to do?', 'Cancel the order', 'Change the colour', 'Talk to someone')),
      C('Talk to someone'),
      HANDOVER,
      A(`Hi ${v.first}, ${v.agent} here. The order hasn't shipped yet, so I can switch the colour. Black or silver?`),
      C('Silver please!'),
      A(image('headphones.svg')),
      A('Done – silver it is, same delivery date.'),
    ],
  },
];
