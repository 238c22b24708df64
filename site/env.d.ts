/// <reference types="astro/client" />
declare namespace App {
  interface Locals {
    services: import('../api/services.ts').Services;
    lang: import('./i18n/index.ts').Lang;
    rateLimited: boolean;
    staffSession: import('../api/staff/sessions.ts').StaffSession | null;
  }
}
