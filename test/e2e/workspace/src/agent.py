from box_sdk_gen import AiAgentAsk, AiAgentBasicTextTool

# The model Box AI uses for short documents.
tool = AiAgentBasicTextTool(model="azure__openai__gpt_4o_minii", num_tokens_for_completion=8000)
agent = AiAgentAsk(basic_text=tool)

legacy = AiAgentBasicTextTool(model="google__text_bison")
draft = AiAgentBasicTextTool(model="")
