import type { ButtonHTMLAttributes, ReactNode } from 'react';
import { Icon, type IconName } from './Icon';

type Props = ButtonHTMLAttributes<HTMLButtonElement> & {
  variant?: 'default' | 'primary' | 'ghost';
  icon?: IconName;
  children?: ReactNode;
};

export function Button({ variant = 'default', icon, children, className, type = 'button', ...rest }: Props) {
  return (
    <button type={type} className={`btn btn--${variant}${children ? '' : ' btn--icon'}${className ? ` ${className}` : ''}`} {...rest}>
      {icon && <Icon name={icon} size={16} />}
      {children}
    </button>
  );
}
