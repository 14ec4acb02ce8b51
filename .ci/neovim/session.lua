-- A real editor session with planlint as Neovim's language server
-- (Neovim 0.7 and later; run headless by .ci/neovim/run and tests/neovim.rs),
-- started by the README's configuration (the init.lua .ci/neovim/run makes
-- of it): diagnostics, hover on `K`, a quick fix applied, completion, and
-- config reloads (a change on disk, and a save in the editor).
-- Environment: PLAN_DIR (a repository with spring.plan.yaml and
-- .planlint.yaml); planlint on PATH.

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

local function planlint_client(buf)
  local clients = vim.lsp.get_clients and vim.lsp.get_clients({ bufnr = buf }) or vim.lsp.buf_get_clients(buf)
  for _, client in pairs(clients) do
    if client.name == 'planlint' then
      return client
    end
  end
end

-- The text of the first floating window (hover opens one), or nil.
local function floating_text()
  for _, win in ipairs(vim.api.nvim_list_wins()) do
    if vim.api.nvim_win_get_config(win).relative ~= '' then
      return table.concat(vim.api.nvim_buf_get_lines(vim.api.nvim_win_get_buf(win), 0, -1, false), '\n')
    end
  end
end

local function close_floats()
  for _, win in ipairs(vim.api.nvim_list_wins()) do
    if vim.api.nvim_win_get_config(win).relative ~= '' then
      vim.api.nvim_win_close(win, true)
    end
  end
end

local function session()
  vim.cmd('edit ' .. dir .. '/spring.plan.yaml')
  local buf = vim.api.nvim_get_current_buf()
  -- Started and attached by the README's FileType autocommand.
  -- (A client counts as attached once it is initialized.)
  vim.wait(15000, function() return planlint_client(buf) ~= nil end, 50)
  local client = planlint_client(buf)
  assert(client, 'the README configuration attaches planlint to the plan (filetype ' .. vim.bo[buf].filetype .. ')')
  local document = { uri = vim.uri_from_bufnr(buf) }

  assert(vim.wait(15000, function() return has_code(buf, 'vague-goal') end, 50), 'vague-goal is shown')
  assert(has_code(buf, 'schema'), 'the misspelled key is shown')
  say('ok: diagnostics (vague-goal, schema)')

  -- `K`, as a person presses it (before 0.10 it runs `man` unless mapped).
  local line, column = find_line(buf, 'Increase awareness')
  vim.api.nvim_win_set_cursor(0, { line + 1, column })
  local pressed, problem = pcall(vim.cmd, 'normal K')
  assert(pressed, 'K: ' .. tostring(problem))
  assert(vim.wait(5000, function() return (floating_text() or ''):find('Why:', 1, true) end, 50),
    'K shows hover explaining the rule: ' .. (floating_text() or 'no floating window: K is not hover'))
  say('ok: K shows hover (' .. vim.trim(floating_text():match('[^\n]*Why:[^\n]*')) .. ')')
  close_floats()
  assert(vim.bo[buf].omnifunc == 'v:lua.vim.lsp.omnifunc', 'the README sets omnifunc: ' .. vim.bo[buf].omnifunc)

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
  assert(planlint_client(config_buf), 'the README configuration attaches planlint to .planlint.yaml')
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
