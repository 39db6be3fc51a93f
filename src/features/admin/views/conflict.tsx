// The 409 page for a decision that cannot be made (already decided, wrong state), with a way back.
import type { PageContext } from '../../../views/context.ts';
import { AdminLayout, type AdminSection } from './shared.tsx';

export interface ConflictPageProps {
  ctx: PageContext;
  current: AdminSection;
  message: string;
  back: { href: string; label: string };
}

export function ConflictPage({ ctx, current, message, back }: ConflictPageProps): JSX.Element {
  return (
    <AdminLayout ctx={ctx} title={ctx.t('この操作は行えません', 'This cannot be done')} current={current} parents={[back]}>
      <p class="rk-lead" safe>
        {message}
      </p>
      <p>
        <a href={back.href} safe>
          {back.label}
        </a>
      </p>
    </AdminLayout>
  );
}
