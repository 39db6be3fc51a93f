// malloc_trim(0) for Node: glibc keeps memory that was freed in the middle of its heaps (after a
// burst of requests, compression buffers and V8's off-heap allocations) instead of giving it back;
// only malloc_trim returns those pages to the system. Called by src/idle-collection.ts after the
// full collection an instance makes when it falls quiet. Not glibc (musl, macOS): trim() is a no-op.
#include <node_api.h>
#if defined(__GLIBC__)
#include <malloc.h>
#endif

static napi_value Trim(napi_env env, napi_callback_info info) {
  (void)info;
  int released = 0;
#if defined(__GLIBC__)
  released = malloc_trim(0);
#endif
  napi_value result;
  napi_get_boolean(env, released != 0, &result);
  return result;
}

static napi_value Init(napi_env env, napi_value exports) {
  napi_value fn;
  napi_create_function(env, "trim", NAPI_AUTO_LENGTH, Trim, NULL, &fn);
  napi_set_named_property(env, exports, "trim", fn);
  return exports;
}

NAPI_MODULE(NODE_GYP_MODULE_NAME, Init)
