/**
 * Picks the fastest tfjs backend that loads: tfjs-node (native TensorFlow, an optional dependency that
 * cannot install without internet access, hence the guarded import), then wasm (installs from npm alone,
 * ~10× faster than cpu here), then the pure-JS cpu backend. Only training and the reference forward pass
 * in tests use tfjs; serving runs `EmbeddingBagMlp` on typed arrays.
 */
import type * as TfModule from '@tensorflow/tfjs';

export type Tf = typeof TfModule;

export interface TfRuntime {
  tf: Tf;
  backend: string;
}

let runtime: Promise<TfRuntime> | null = null;

export function loadTfRuntime(): Promise<TfRuntime> {
  runtime ??= pickBackend();
  return runtime;
}

async function pickBackend(): Promise<TfRuntime> {
  // A variable specifier keeps TypeScript from resolving a package that is usually absent.
  const nodeAccelerator = '@tensorflow/tfjs-node';
  try {
    const tf = (await import(nodeAccelerator)) as Tf;
    await tf.ready();
    return { tf, backend: tf.getBackend() };
  } catch {
    // Not installed (its install script needs to download libtensorflow): fall through to wasm.
  }
  const tf = await import('@tensorflow/tfjs');
  try {
    await import('@tensorflow/tfjs-backend-wasm');
    if (await tf.setBackend('wasm')) {
      await tf.ready();
      return { tf, backend: 'wasm' };
    }
  } catch {
    // wasm binary missing or refused: cpu still works, only slower.
  }
  await tf.setBackend('cpu');
  await tf.ready();
  return { tf, backend: 'cpu' };
}
