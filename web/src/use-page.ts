import { computed, onMounted, ref, watch } from 'vue';
import { useRoute } from 'vue-router';
import { errorText } from './labels';

/** The department and budget year the page is about, from its URL (/app/<dept>/<year>/…). */
export function useDeptYear() {
  const route = useRoute();
  const dept = computed(() => String(route.params.dept));
  const year = computed(() => Number(route.params.year));
  return { dept, year };
}

/**
 * Loads a page's data now and whenever its department or year changes; an API error (403, 404 …)
 * becomes the page's message instead of a blank page.
 */
export function usePageLoad(load: () => Promise<void>) {
  const { dept, year } = useDeptYear();
  const loading = ref(false);
  const error = ref('');
  async function reload() {
    loading.value = true;
    error.value = '';
    try {
      await load();
    } catch (e) {
      error.value = errorText(e);
    } finally {
      loading.value = false;
    }
  }
  // Not at once: the page's loader refers to what this returns, so it may only run once set up.
  onMounted(() => void reload());
  watch([dept, year], () => void reload());
  return { dept, year, loading, error, reload };
}

/** Maps an API 400's `field` (`funding.general_budget`, `amount` …) to the form item it belongs to. */
export function fieldErrors() {
  const errors = ref<Record<string, string>>({});
  return {
    errors,
    clear: () => (errors.value = {}),
    /** True when the error named a field the form has (its message now shows under it). */
    show(e: unknown, fields: readonly string[]): boolean {
      const err = e as { status?: number; field?: string; message?: string };
      if (err.status !== 400 || !err.field) return false;
      const field = fields.find((f) => err.field === f || err.field!.startsWith(`${f}.`) || err.field!.startsWith(`${f}[`));
      if (!field) return false;
      errors.value = { [field]: err.message ?? '' };
      return true;
    },
  };
}
