-- A real editor session with planlint as Neovim's language server
-- (Neovim 0.7 and later; run headless by .ci/neovim/run and tests/neovim.rs):
-- diagnostics, hover, a quick fix applied, completion, and config reloads
-- (a change on disk, and a save in the editor).
-- Environment: PLANLINT (the binary), PLAN_DIR (a repository with
-- spring.plan.yaml and .planlint.yaml).

local planlint = os.getenv('PLANLINT')
local dir = os.getenv('PLAN_DIR')

local function say(text)
  io.stdout:write(text .. '\n')
end

local function code_of(diagnostic)
  if diagnostic.code then
    return diagnostic.code
  end
  local lsp = diagnostic.user_data and diagnostic.user_data.lsp
  return lsp and lsp.code
end

local function has_code(buf, code)
  for _, diagnostic in ipairs(vim.diagnostic.get(buf)) do
    if code_of(diagnostic) == code then
      return true
    end
  end
  return false
end

local function find_line(buf, needle)
  for index, line in ipairs(vim.api.nvim_buf_get_lines(buf, 0, -1, false)) do
    local column = line:find(needle, 1, true)
    if column then
      return index - 1, column - 1
    end
  end
  error('not in the buffer: ' .. needle)
end

local function session()
  vim.cmd('edit ' .. dir .. '/spring.plan.yaml')
  local buf = vim.api.nvim_get_current_buf()
  local client_id = vim.lsp.start_client({ name = 'planlint', cmd = { planlint, 'lsp' }, root_dir = dir })
  assert(client_id, 'the server starts')
  vim.lsp.buf_attach_client(buf, client_id)
  local client = vim.lsp.get_client_by_id(client_id)
  local document = { uri = vim.uri_from_bufnr(buf) }

  assert(vim.wait(15000, function() return has_code(buf, 'vague-goal') end, 50), 'vague-goal is shown')
  assert(has_code(buf, 'schema'), 'the misspelled key is shown')
  say('ok: diagnostics (vague-goal, schema)')

  local line, column = find_line(buf, 'Increase awareness')
  local hover = client.request_sync('textDocument/hover',
    { textDocument = document, position = { line = line, character = column } }, 5000, buf)
  local shown = hover and hover.result and hover.result.contents.value or ''
  assert(shown:find('**Why:**', 1, true), 'hover explains the rule: ' .. shown)
  say('ok: hover explains vague-goal')

  line, column = find_line(buf, 'dealine')
  local here = { line = line, character = column }
  local actions = client.request_sync('textDocument/codeAction',
    { textDocument = document, range = { start = here, ['end'] = here }, context = { diagnostics = {} } }, 5000, buf)
  local rename
  for _, action in ipairs(actions and actions.result or {}) do
    if action.title == 'rename `dealine` to `deadline`' then
      rename = action
    end
  end
  assert(rename, 'the rename quick fix is offered')
  vim.lsp.util.apply_workspace_edit(rename.edit, client.offset_encoding)
  local fixed = vim.api.nvim_buf_get_lines(buf, line, line + 1, false)[1]
  assert(fixed:find('deadline: 2026-06-30   # agreed with Zhao', 1, true), 'the fix keeps the comment: ' .. fixed)
  assert(vim.wait(10000, function() return not has_code(buf, 'schema') end, 50), 'the schema finding goes away')
  say('ok: quick fix applied (' .. fixed:gsub('^%s+', '') .. ')')

  local count = vim.api.nvim_buf_line_count(buf)
  vim.api.nvim_buf_set_lines(buf, count, count, false, { '' })
  local completion = client.request_sync('textDocument/completion',
    { textDocument = document, position = { line = count, character = 0 } }, 5000, buf)
  local result = completion and completion.result or {}
  local items = result.items or result
  local labels = {}
  for _, item in ipairs(items) do
    labels[item.label] = true
  end
  assert(labels.budget and labels.goals and labels.unit_economics, 'completion offers the plan fields')
  say('ok: completion offers ' .. #items .. ' fields')

  -- A config change on disk, the editor says nothing: applied.
  local config = io.open(dir .. '/.planlint.yaml', 'w')
  config:write('rules:\n  vague-goal: off\n')
  config:close()
  assert(vim.wait(10000, function() return not has_code(buf, 'vague-goal') end, 50), 'the config change on disk is applied')
  say('ok: config change on disk applied')

  -- The config edited and saved in the editor: applied on save.
  vim.cmd('edit ' .. dir .. '/.planlint.yaml')
  local config_buf = vim.api.nvim_get_current_buf()
  vim.lsp.buf_attach_client(config_buf, client_id)
  vim.api.nvim_buf_set_lines(config_buf, 0, -1, false, { 'rules:', '  vague-goal: error' })
  vim.cmd('write')
  assert(vim.wait(10000, function() return has_code(buf, 'vague-goal') end, 50), 'the saved config is applied')
  say('ok: config saved in the editor applied')

  client.stop()
end

local ok, problem = pcall(session)
if ok then
  say('neovim session: all checks passed (' .. vim.version().major .. '.' .. vim.version().minor .. ')')
  vim.cmd('qall!')
else
  io.stderr:write('neovim session failed: ' .. tostring(problem) .. '\n')
  vim.cmd('cquit 1')
end
