import Link from 'next/link';
import { MainNav } from './main-nav';
import { ThemeToggle } from './theme-toggle';
import styles from './app-header.module.css';

export function AppHeader() {
  return (
    <header className={styles.header}>
      <Link href="/" className={styles.brand}>
        Meshwatch
      </Link>
      <MainNav />
      <ThemeToggle />
    </header>
  );
}
