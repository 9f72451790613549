import { createRouter, createWebHistory, type RouteRecordRaw } from 'vue-router';
import { api } from './api/client';
import { session } from './session';

const currentYear = () => new Date().getFullYear();

const routes: RouteRecordRaw[] = [
  { path: '/login', name: 'login', component: () => import('./pages/SignIn.vue'), meta: { public: true } },
  { path: '/', name: 'start', component: () => import('./pages/Start.vue') },
  {
    path: '/:dept/:year(\\d{4})',
    component: () => import('./pages/Shell.vue'),
    children: [
      { path: '', name: 'home', component: () => import('./pages/Home.vue'), meta: { title: '工作台' } },
      { path: 'purchases', name: 'purchases', component: () => import('./pages/Purchases.vue'), meta: { title: '政府采购预算' } },
      { path: 'budget', name: 'budget', component: () => import('./pages/Budget.vue'), meta: { title: '预算' } },
      { path: 'cross-checks', name: 'cross-checks', component: () => import('./pages/CrossChecks.vue'), meta: { title: '交叉核对' } },
      { path: 'assets', name: 'holdings', component: () => import('./pages/Holdings.vue'), meta: { title: '资产' } },
      { path: 'cards', name: 'cards', component: () => import('./pages/Cards.vue'), meta: { title: '资产卡片' } },
      { path: 'cards/:id', name: 'card', component: () => import('./pages/CardPage.vue'), meta: { title: '资产卡片' } },
      { path: 'stocktakes', name: 'stocktakes', component: () => import('./pages/Stocktakes.vue'), meta: { title: '资产清查' } },
      { path: 'events', name: 'events', component: () => import('./pages/Events.vue'), meta: { title: '事件' } },
    ],
  },
  { path: '/:pathMatch(.*)*', redirect: '/' },
];

export const router = createRouter({ history: createWebHistory('/app/'), routes });

router.beforeEach(async (to) => {
  if (to.meta.public) return true;
  if (!session.token) return { name: 'login', query: { next: to.fullPath } };
  if (!session.me) {
    try {
      session.me = await api.me();
    } catch {
      return { name: 'login', query: { next: to.fullPath } };
    }
  }
  return true;
});

export { currentYear };
