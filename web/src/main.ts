import 'element-plus/es/components/message/style/css';
import 'element-plus/es/components/message-box/style/css';
import { createApp } from 'vue';
import App from './App.vue';
import { setUnauthenticatedHandler } from './api/client';
import { router } from './router';
import { signOut } from './session';
import './styles.css';

setUnauthenticatedHandler(() => {
  signOut();
  if (router.currentRoute.value.name !== 'login') void router.push({ name: 'login', query: { next: router.currentRoute.value.fullPath } });
});

createApp(App).use(router).mount('#app');
