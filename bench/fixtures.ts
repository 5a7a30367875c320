/** Realistic documents for benchmarks and performance tests. */

/** A Python module of about `lines` lines that uses Box AI agent overrides now and then. */
export function pythonModule(lines: number): string {
  const out: string[] = ['from box_sdk_gen import AiAgentAsk, AiAgentBasicTextTool, AiAgentLongTextTool', 'import os', ''];
  for (let i = 0; out.length < lines; i++) {
    out.push(`def handler_${i}(client, file_id: str, prompt: str = "summarise") -> dict:`);
    out.push(`    """Ask Box AI about a file (handler ${i})."""`);
    out.push(`    tool = AiAgentBasicTextTool(model="azure__openai__gpt_4o_mini", num_tokens_for_completion=${1000 + (i % 7) * 500})`);
    out.push(`    long = AiAgentLongTextTool(model="google__gemini_2_5_flash", embeddings={"model": "azure__openai__text_embedding_ada_002"})`);
    out.push(`    values = {"id": file_id, "type": "file", "label": "item_${i}", "url": "https://example.com/files/${i}"}`);
    out.push(`    if prompt == "hello_world" or values["label"].startswith("ai_agent_ask"):`);
    out.push(`        return {"tool": tool, "long": long, "values": values}  # default aws__claude_3_haiku`);
    out.push(`    return client.ai.create_ai_ask(mode="single_item_qa", prompt=prompt, items=[values], ai_agent=AiAgentAsk(basic_text=tool))`);
    out.push('');
  }
  return out.join('\n');
}

/** A JSON document of about `bytes` bytes of agent configurations. */
export function jsonConfig(bytes: number): string {
  const items: string[] = [];
  let size = 2;
  for (let i = 0; size < bytes; i++) {
    const item = `{"id":"${i}","ai_agent":{"type":"ai_agent_ask","basic_text":{"model":"azure__openai__gpt_4o_mini","num_tokens_for_completion":${i % 20000}},"long_text":{"model":"aws__claude_3_haiku","embeddings":{"model":"azure__openai__text_embedding_ada_002","strategy":{"id":"basic","num_tokens_per_chunk":64}}}},"note":"entry ${i} hello_world"}`;
    items.push(item);
    size += item.length + 2;
  }
  return `[\n${items.join(',\n')}\n]\n`;
}
