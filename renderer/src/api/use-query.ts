import { useCallback, useEffect, useRef, useState } from 'react';
import type { MethodInput, MethodName, MethodOutput } from '../../../shared/contract';
import { errorMessage } from './api-error';
import { call } from './call';
import { useRevision } from './revision';

export interface QueryState<T> {
  /** The last answer; kept while a refetch runs so the screen does not flash empty. */
  data: T | null;
  error: string | null;
  loading: boolean;
  reload: () => void;
}

/**
 * Fetches `method` with `input` (skipped while input is null) and again whenever the input
 * changes or a change makes this method's answers stale. Answers that arrive out of order are dropped.
 */
export function useQuery<M extends MethodName>(method: M, input: MethodInput<M> | null): QueryState<MethodOutput<M>> {
  const revision = useRevision(method);
  const [tick, setTick] = useState(0);
  const [state, setState] = useState<{ data: MethodOutput<M> | null; error: string | null; loading: boolean; key: string }>({
    data: null,
    error: null,
    loading: input !== null,
    key: '',
  });
  const key = input === null ? '' : JSON.stringify(input);
  const latest = useRef(0);

  useEffect(() => {
    // A new sequence number even with nothing to fetch, so an answer for the old input is dropped.
    const seq = ++latest.current;
    if (key === '') {
      setState({ data: null, error: null, loading: false, key });
      return;
    }
    setState((s) => ({ ...s, loading: true, data: s.key === key ? s.data : null, key }));
    call(method, JSON.parse(key) as MethodInput<M>).then(
      (data) => {
        if (seq === latest.current) setState({ data, error: null, loading: false, key });
      },
      (err: unknown) => {
        if (seq === latest.current) setState({ data: null, error: errorMessage(err), loading: false, key });
      },
    );
  }, [method, key, revision, tick]);

  const reload = useCallback(() => setTick((t) => t + 1), []);
  return { data: state.data, error: state.error, loading: state.loading, reload };
}
