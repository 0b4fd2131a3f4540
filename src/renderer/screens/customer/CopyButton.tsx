// Copies a value (an e-mail, a phone number) to the clipboard and says so.
import { Copy } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import { IconButton } from '../../components/ui/Button';
import { toast } from '../../store/actions/feedback';

export function CopyButton({ value, what }: { value: string; what: string }) {
  const { t } = useTranslation();
  const copy = () =>
    navigator.clipboard.writeText(value).then(
      () => toast(t('customer.copied', { what }), 'info'),
      () => toast(t('customer.copyFailed')),
    );
  return (
    <IconButton label={t('customer.copy', { what })} onClick={() => void copy()}>
      <Copy size={14} aria-hidden="true" />
    </IconButton>
  );
}
